package io.astralytiq.runtime.variables;

/** A variable value a viewer sent that the definition does not allow; answered with 400 and this message. */
public class InvalidVariableException extends RuntimeException {

  public InvalidVariableException(String message) {
    super(message);
  }
}
