package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.astralytiq.api.runtime.RuntimeContract;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Files a dashboard's datasets read, mounted read-only into the runtime from one ConfigMap, Secret or PVC. */
@ValidationRule(value = "[has(self.configMap), has(self.secret), has(self.persistentVolumeClaim)]"
    + ".filter(x, x).size() == 1",
    message = "a data volume needs exactly one of configMap, secret or persistentVolumeClaim")
public class DataVolume {

  /** Room for the prefix the pod's volume name gets, within the 63 characters of a DNS label. */
  public static final int MAX_NAME_LENGTH = 58;

  @JsonPropertyDescription("Name of the volume, unique within the Dashboard: a lowercase DNS label.")
  @Required
  @Size(min = 1, max = MAX_NAME_LENGTH)
  @ValidationRule(value = "self.matches(r'" + ApiGroup.DNS_LABEL + "')",
      message = "a data volume's name must be a lowercase DNS label such as sales-csv")
  private String name;

  @JsonPropertyDescription("Directory the files appear in, read-only: " + RuntimeContract.DATA_DIR + " or a"
      + " directory under it, such as " + RuntimeContract.DATA_DIR + "/sales. A dataset's path names a file there.")
  @Required
  @Size(min = 1, max = 253)
  @ValidationRule(value = "self.matches(r'^" + RuntimeContract.DATA_DIR + "(/[A-Za-z0-9._-]+)*$')",
      message = "mountPath must be " + RuntimeContract.DATA_DIR + " or a directory under it, such as "
          + RuntimeContract.DATA_DIR + "/sales")
  @ValidationRule(value = "!(self + '/').contains('/../') && !(self + '/').contains('/./')",
      message = "mountPath must not contain '.' or '..' segments")
  private String mountPath;

  @JsonPropertyDescription("Mount the keys of this ConfigMap as files.")
  private DataVolumeSource configMap;

  @JsonPropertyDescription("Mount the keys of this Secret as files. It must be labelled"
      + " astralytiq.io/dashboard-data=true; a Secret the operator holds (a dashboard's TLS certificate, a"
      + " service-account token, another Dashboard's) is refused.")
  private DataVolumeSource secret;

  @JsonPropertyDescription("Mount this PersistentVolumeClaim, read-only.")
  private DataVolumeSource persistentVolumeClaim;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getMountPath() {
    return mountPath;
  }

  public void setMountPath(String mountPath) {
    this.mountPath = mountPath;
  }

  public DataVolumeSource getConfigMap() {
    return configMap;
  }

  public void setConfigMap(DataVolumeSource configMap) {
    this.configMap = configMap;
  }

  public DataVolumeSource getSecret() {
    return secret;
  }

  public void setSecret(DataVolumeSource secret) {
    this.secret = secret;
  }

  public DataVolumeSource getPersistentVolumeClaim() {
    return persistentVolumeClaim;
  }

  public void setPersistentVolumeClaim(DataVolumeSource persistentVolumeClaim) {
    this.persistentVolumeClaim = persistentVolumeClaim;
  }
}
