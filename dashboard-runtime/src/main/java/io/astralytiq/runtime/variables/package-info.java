/**
 * A dashboard's variables: their values from the request, checked against what each allows.
 */
package io.astralytiq.runtime.variables;
