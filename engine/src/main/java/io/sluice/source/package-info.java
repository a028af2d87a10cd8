/**
 * Sources: what writes records into the shared ring (synthetic load now; the kernel sensor and journal replay later).
 */
package io.sluice.source;
