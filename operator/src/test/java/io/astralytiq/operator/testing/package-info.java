/**
 * Test support, not tests: builders of test objects (Dashboards, Tenants), golden files and assertions, the
 * operator run against the local API server (OperatorFixture, RunningOperator, RealNode), an autoscaling cycle under
 * load on the real node (AutoscaleRun, shared by AutoscalingE2E and hack/bench autoscale), and harnesses of local
 * processes the alert tests drive (LocalProcess, LocalPrometheus, LocalRuntime, Promtool, Traffic), plus a clock a
 * test moves by hand (MutableClock). A test imports from here; nothing here is run by surefire or failsafe but
 * AutoscaleRunTest, which checks the reading of managedFields that AutoscalingE2E's verdict rests on.
 */
package io.astralytiq.operator.testing;
