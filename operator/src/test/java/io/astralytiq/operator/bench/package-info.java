/**
 * Benchmarks, apart from the tests: programs with a main method that print numbers (convergence and API writes for
 * N dashboards, rollback timing), run on demand by hack/bench; never a timed assertion, and not named *Test or *IT,
 * so neither surefire nor failsafe runs them. See docs/benchmarks.md.
 */
package io.astralytiq.operator.bench;
