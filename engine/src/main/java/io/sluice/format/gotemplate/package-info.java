/**
 * Go's {@code text/template} with the Sprig functions Tracee users lean on, executed over an event record without
 * building a message or a map per event: {@link io.sluice.format.gotemplate.TemplateParser} compiles a template file
 * once (field chains to field ids, variables to slots, functions to ids), {@link io.sluice.format.gotemplate.Executor}
 * walks the tree over {@link io.sluice.format.gotemplate.TemplateData}, values living in reused
 * {@link io.sluice.format.gotemplate.Value} cells and strings copied as byte ranges. See {@code docs/templates.md}.
 */
package io.sluice.format.gotemplate;
