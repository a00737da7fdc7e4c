package io.astralytiq.operator.dashboard.inputs;

import java.util.regex.Pattern;

/** Whether a string is a container image reference a kubelet can pull: [registry/]repository[:tag][@digest]. */
final class ImageReference {

  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern REFERENCE = Pattern.compile(
      "^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?"
          + COMPONENT + "(?:/" + COMPONENT + ")*"
          + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
          + "(?:@sha256:[a-f0-9]{64})?$");

  private ImageReference() {}

  static boolean isValid(String image) {
    return image != null && image.length() <= 512 && REFERENCE.matcher(image).matches();
  }
}
