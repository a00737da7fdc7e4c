package io.astralytiq.operator.dashboard.images;

import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.dashboard.inputs.DashboardInputs;
import java.util.Optional;

/**
 * What the signature check decided for one reconcile.
 *
 * @param inputs the inputs, their model running the verified digest, or with the refusal as a problem
 * @param verified the ImageVerified outcome; empty when no signature is required
 */
public record ImageDecision(DashboardInputs inputs, Optional<Outcome> verified) {

  static ImageDecision notRequired(DashboardInputs inputs) {
    return new ImageDecision(inputs, Optional.empty());
  }
}
