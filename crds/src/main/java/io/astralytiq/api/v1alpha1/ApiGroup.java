package io.astralytiq.api.v1alpha1;

/** Coordinates of this API version, and the validation patterns its fields share. */
public final class ApiGroup {

  public static final String GROUP = "astralytiq.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String CATEGORY = "astralytiq";

  /** RFC 1123 label: what a namespace or most object names must be. */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  /** RFC 1123 subdomain: the names of PriorityClasses, Secrets, ConfigMaps and most other objects. */
  public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
  /** A label key: an optional DNS subdomain prefix and '/', then a name of letters, digits, '-', '_' and '.'. */
  public static final String LABEL_KEY = "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
      + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$";
  /** A label value; empty is allowed. */
  public static final String LABEL_VALUE = "^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$";
  /** A DNS host name, optionally with a leading wildcard label. */
  public static final String HOST_NAME =
      "^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
  /** A Go-style duration as Prometheus and most of Kubernetes accept it: 30s, 5m, 1h30m. */
  public static final String DURATION = "^([0-9]+(ms|s|m|h|d))+$";
  /** CEL for a string that must be a host name, with a message a user can act on (a bare pattern's is a regex). */
  public static final String IS_HOST_NAME = "self.matches(r'" + HOST_NAME + "')";
  /** CEL for a list of namespace names. */
  public static final String ARE_DNS_LABELS = "self.all(n, n.matches(r'" + DNS_LABEL + "'))";
  /** CEL for a string that must be a duration. */
  public static final String IS_DURATION = "self.matches(r'" + DURATION + "')";
  /** CEL for a field that must be a Kubernetes resource quantity such as 500m or 2Gi. */
  public static final String IS_QUANTITY = "isQuantity(self)";
  /**
   * CEL for a quantity field that must not be negative: isQuantity accepts "-1", and the API server refuses a negative
   * request, limit, quota or LimitRange default. A value that is no quantity is IS_QUANTITY's to report.
   */
  public static final String IS_NOT_NEGATIVE = "!isQuantity(self) || quantity(self).compareTo(quantity('0')) >= 0";
  /** CEL for the name of an object such as a Secret or ConfigMap (at most 253 characters is the field's own bound). */
  public static final String IS_DNS_SUBDOMAIN = "self.matches(r'" + DNS_SUBDOMAIN + "')";
  /**
   * A TCP port, 1 to 65535, as a URL writes it (leading zeros allowed, as URL parsers allow them): a pattern of digits
   * alone lets 0 and 99999 through, and the operator then opens no egress for the dataset.
   */
  public static final String PORT =
      "0*([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";
  /** The namespaces of the cluster itself, which no tenant may own: its quota and policies would land there. */
  public static final String SYSTEM_NAMESPACES = "['default', 'kube-node-lease', 'kube-public', 'kube-system']";

  private ApiGroup() {}
}
