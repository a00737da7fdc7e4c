package io.astralytiq.api.v1alpha1;

/** Label and annotation keys the operator puts on what it owns. */
public final class Labels {

  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String TENANT = ApiGroup.GROUP + "/tenant";

  /** Value of {@link #MANAGED_BY} on everything the operator creates; its informers select on it. */
  public static final String OPERATOR = "astralytiq-operator";
  /** Value of {@link #NAME} on a dashboard's objects. */
  public static final String DASHBOARD_APP = "astralytiq-dashboard";

  /** Value of {@link #NAME} on a tenant's objects. */
  public static final String TENANT_APP = "astralytiq-tenant";
  /** Annotation on a namespace the operator created for a tenant (not adopted): only such are ever deleted. */
  public static final String CREATED_FOR_TENANT = ApiGroup.GROUP + "/created-for-tenant";

  /** Pod-template annotation with the hash of the definition, so that a new definition rolls the pods. */
  public static final String DEFINITION_HASH = ApiGroup.GROUP + "/definition-hash";

  /**
   * Label ("true") a Secret needs before a Dashboard may mount it, whole as a data volume or as a JDBC dataset's
   * credentials: set by whoever may write Secrets, it keeps an editor, who may not read Secrets, from showing one on
   * a panel or sending its username and password to a database of their choosing.
   */
  public static final String DASHBOARD_DATA = ApiGroup.GROUP + "/dashboard-data";

  private Labels() {}
}
