package io.astralytiq.operator.dashboard.images;

/** A registry call that did not give what was asked; the message is one clause, with no credential or token. */
final class RegistryException extends Exception {

  private static final long serialVersionUID = 1L;

  enum Kind {
    /** 404: the repository, tag, manifest or blob is not there */
    NOT_FOUND,
    /** 401 after authenticating, 403, or another 4xx */
    REFUSED,
    /** no answer in time, a connection error, 5xx or 429: worth trying again later */
    UNREACHABLE,
    /** an answer that is not what it claims: a digest that does not match, a body over its bound */
    TAMPERED
  }

  private final Kind kind;

  RegistryException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }
}
