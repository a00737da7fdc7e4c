package io.astralytiq.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.testing.Tenants;
import io.astralytiq.testing.Crds;
import io.astralytiq.testing.RealApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guard's reading of a real API server: an integer that every write moves forward, so that only a store put
 * back can make it go down (hack/bench restore --keep-operator --no-bump shows the guard on a real restore).
 */
@ExtendWith(RealApiServer.class)
class RewindGuardIT {

  @Test
  void theStoreVersionIsAnIntegerThatAWriteMovesForward(KubernetesClient client) {
    Crds.install(client);
    OptionalLong before = RewindGuard.listVersion(client);
    client.resource(Tenants.of("rewind-guard", "rewind-guard-ns")).serverSideApply();
    OptionalLong after = RewindGuard.listVersion(client);

    assertThat(before).isPresent();
    assertThat(after).isPresent();
    assertThat(after.getAsLong()).isGreaterThan(before.getAsLong());
    RewindGuard guard = new RewindGuard(() -> RewindGuard.listVersion(client));
    assertThat(guard.check()).isEmpty();
    assertThat(guard.check()).isEmpty();
  }
}
