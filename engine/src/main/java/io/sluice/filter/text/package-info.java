/**
 * Text shared by the filters: UTF-8 decoded without allocating ({@link io.sluice.filter.text.Utf8Text}), lists of
 * RE2 expressions ({@link io.sluice.filter.text.RegexList}) and the small cache of what a pure function of a text
 * gave ({@link io.sluice.filter.text.TextCache}), so texts that repeat cost no regular expression and no allocation.
 */
package io.sluice.filter.text;
