/**
 * The embedded analytics engine (DuckDB): loading datasets from files, URLs and databases into it within the
 * sandbox's limits, and running the panels' SQL with a guard on what a query may do.
 */
package io.astralytiq.runtime.engine;
