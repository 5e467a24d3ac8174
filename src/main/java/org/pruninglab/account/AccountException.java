package org.pruninglab.account;

/** An account operation was refused; the message says why, in words for the person who asked. */
public class AccountException extends RuntimeException {

  public AccountException(String message) {
    super(message);
  }
}
