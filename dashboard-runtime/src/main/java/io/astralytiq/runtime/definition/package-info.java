/**
 * The dashboard this process serves: its definition read from YAML, judged by the shared validator of
 * {@code io.astralytiq.api.definition} (the operator's too) and by the runtime's own checks (data directories), and
 * what the runtime derives from it once ({@code CompiledDashboard}).
 */
package io.astralytiq.runtime.definition;
