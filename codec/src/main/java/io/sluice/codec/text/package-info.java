/**
 * Text helpers shared by every writer: UTF-8 read exactly as Java reads it, and IP addresses as text.
 */
package io.sluice.codec.text;
