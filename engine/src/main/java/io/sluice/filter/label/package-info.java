/**
 * Kubernetes label selectors ({@code app=x}, {@code env in (a,b)}, {@code !k} ...) as apimachinery parses them, for
 * the export filters' {@code labels}: compiled at start-up, matched against a {@link io.sluice.filter.label.LabelSource}
 * without allocating.
 */
package io.sluice.filter.label;
