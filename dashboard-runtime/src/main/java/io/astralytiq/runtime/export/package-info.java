/**
 * Exports of a dashboard's panels: CSV, PNG and PDF.
 */
package io.astralytiq.runtime.export;
