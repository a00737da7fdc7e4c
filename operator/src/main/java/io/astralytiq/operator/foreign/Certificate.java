package io.astralytiq.operator.foreign;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * cert-manager's Certificate, with its spec and status left untyped: the operator sets four fields and reads one
 * condition. Being a class of its own (rather than a GenericKubernetesResource found by discovery) lets the
 * client and its informers address the API before, or without, cert-manager being installed.
 */
@Group("cert-manager.io")
@Version("v1")
@Kind("Certificate")
@Plural("certificates")
public class Certificate extends GenericKubernetesResource implements Namespaced {

  public Certificate() {
    setApiVersion("cert-manager.io/v1");
    setKind("Certificate");
  }
}
