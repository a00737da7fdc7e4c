/**
 * Safe rollout: revisions and their history (Revisions, ControllerRevisions), the plan of which revision runs
 * (RolloutPlan, pure), the verdict on it from the Deployment, its pods and the kubelet's Events (RolloutJudge,
 * pure; Rollouts reads), and every write a rollout makes in one place (RolloutRecorder), with metrics and Events.
 */
package io.astralytiq.operator.dashboard.rollout;
