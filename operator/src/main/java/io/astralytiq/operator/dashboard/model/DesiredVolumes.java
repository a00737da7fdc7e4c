package io.astralytiq.operator.dashboard.model;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.DataVolume;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's volumes and where they are mounted: scratch space, the definition, the datasets' credentials and
 * the data volumes of spec.dataVolumes. Everything but the scratch space is read-only.
 */
final class DesiredVolumes {

  private static final String DEFINITION_VOLUME = "definition";
  private static final String TEMP_VOLUME = "tmp";
  /** Numbered, not named after the Secret: a volume name is a DNS label, a Secret's name may be longer. */
  private static final String SECRET_VOLUME_PREFIX = "credentials-";
  /** Keeps a user's volume names apart from the operator's (a data volume called "tmp", say). */
  private static final String DATA_VOLUME_PREFIX = "data-";

  private DesiredVolumes() {}

  static List<VolumeMount> mounts(DashboardModel model) {
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(new VolumeMountBuilder().withName(TEMP_VOLUME).withMountPath(RuntimeContract.TEMP_DIR).build());
    if (model.definition() != null) {
      mounts.add(readOnly(DEFINITION_VOLUME, RuntimeContract.DEFINITION_DIR));
      List<String> secrets = model.definition().credentialSecrets();
      for (int i = 0; i < secrets.size(); i++) {
        mounts.add(readOnly(SECRET_VOLUME_PREFIX + i, RuntimeContract.SECRETS_DIR + "/" + secrets.get(i)));
      }
    }
    for (DataVolume data : model.dataVolumes()) {
      mounts.add(readOnly(DATA_VOLUME_PREFIX + data.getName(), data.getMountPath()));
    }
    return mounts;
  }

  static List<Volume> volumes(DashboardModel model) {
    List<Volume> volumes = new ArrayList<>();
    volumes.add(new VolumeBuilder().withName(TEMP_VOLUME).withNewEmptyDir().withSizeLimit(new Quantity("256Mi"))
        .endEmptyDir().build());
    if (model.definition() != null) {
      volumes.add(new VolumeBuilder().withName(DEFINITION_VOLUME).withNewConfigMap()
          .withName(DashboardNames.definitionConfigMap(model.dashboard(), model.definition().hash()))
          .endConfigMap().build());
      List<String> secrets = model.definition().credentialSecrets();
      for (int i = 0; i < secrets.size(); i++) {
        volumes.add(credentials(SECRET_VOLUME_PREFIX + i, secrets.get(i)));
      }
    }
    for (DataVolume data : model.dataVolumes()) {
      volumes.add(data(data));
    }
    return volumes;
  }

  /**
   * Only the two keys the runtime reads, never the whole Secret: a Secret that holds more (a connection string
   * with another database's password, a key) keeps the rest to itself.
   */
  private static Volume credentials(String volume, String secret) {
    return new VolumeBuilder().withName(volume).withNewSecret().withSecretName(secret)
        .addNewItem().withKey(RuntimeContract.USERNAME_KEY).withPath(RuntimeContract.USERNAME_KEY).endItem()
        .addNewItem().withKey(RuntimeContract.PASSWORD_KEY).withPath(RuntimeContract.PASSWORD_KEY).endItem()
        .endSecret().build();
  }

  private static Volume data(DataVolume data) {
    VolumeBuilder volume = new VolumeBuilder().withName(DATA_VOLUME_PREFIX + data.getName());
    if (data.getConfigMap() != null) {
      return volume.withNewConfigMap().withName(data.getConfigMap().getName()).endConfigMap().build();
    }
    if (data.getSecret() != null) {
      return volume.withNewSecret().withSecretName(data.getSecret().getName()).endSecret().build();
    }
    return volume.withNewPersistentVolumeClaim().withClaimName(data.getPersistentVolumeClaim().getName())
        .withReadOnly(true).endPersistentVolumeClaim().build();
  }

  private static VolumeMount readOnly(String volume, String path) {
    return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(true).build();
  }
}
