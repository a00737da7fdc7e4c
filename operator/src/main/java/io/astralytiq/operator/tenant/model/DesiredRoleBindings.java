package io.astralytiq.operator.tenant.model;

import io.astralytiq.api.v1alpha1.TenantMember;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.TenantRole;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.Arrays;
import java.util.List;

/** One RoleBinding per role that has members, in each namespace, to the operator's ClusterRole for the role. */
final class DesiredRoleBindings {

  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private DesiredRoleBindings() {}

  static List<RoleBinding> of(TenantModel model, String namespace) {
    List<TenantMember> members = model.tenant().getSpec().getMembers();
    return Arrays.stream(TenantRole.values())
        .map(role -> new Binding(role, members.stream().filter(m -> m.getRole() == role)
            .map(DesiredRoleBindings::subject).distinct().toList()))
        .filter(binding -> !binding.subjects().isEmpty())
        .map(binding -> new RoleBindingBuilder()
            .withMetadata(model.childMetadata(TenantNames.roleBinding(binding.role()), namespace))
            .withNewRoleRef().withApiGroup(RBAC_GROUP).withKind("ClusterRole")
              .withName(TenantNames.clusterRole(binding.role())).endRoleRef()
            .withSubjects(binding.subjects())
            .build())
        .toList();
  }

  private static Subject subject(TenantMember member) {
    SubjectBuilder subject = new SubjectBuilder().withKind(member.getKind().name()).withName(member.getName());
    return switch (member.getKind()) {
      case ServiceAccount -> subject.withNamespace(member.getNamespace()).build();
      case User, Group -> subject.withApiGroup(RBAC_GROUP).build();
    };
  }

  private record Binding(TenantRole role, List<Subject> subjects) {}
}
