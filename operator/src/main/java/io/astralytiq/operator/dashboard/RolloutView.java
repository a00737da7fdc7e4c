package io.astralytiq.operator.dashboard;

import io.astralytiq.operator.dashboard.rollout.RolloutPlan;
import io.astralytiq.operator.dashboard.rollout.Verdict;

/** What the status says about the rollout: the plan this reconcile applied and the verdict on it. */
record RolloutView(RolloutPlan plan, Verdict verdict) {}
