/**
 * The panels' data: each panel's query run with the variables' values, its results cached until the next refresh.
 */
package io.astralytiq.runtime.panels;
