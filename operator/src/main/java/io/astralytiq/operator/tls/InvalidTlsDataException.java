package io.astralytiq.operator.tls;

/**
 * Certificate or key material that cannot be read: missing entries, damaged PEM or base64, a key that does not
 * belong to its certificate. The message names what is wrong and never quotes the material itself.
 */
public class InvalidTlsDataException extends RuntimeException {

  public InvalidTlsDataException(String message) {
    super(message);
  }
}
