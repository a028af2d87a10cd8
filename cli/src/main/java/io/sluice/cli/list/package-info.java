/**
 * {@code sluice list events|detectors|formats|destinations}: what Sluice can emit, detect, render and deliver to, read
 * from the tables the engine itself uses (the catalog, the detectors, {@code Formats}, {@code DestinationKinds}), as a
 * table or as JSON.
 */
package io.sluice.cli.list;
