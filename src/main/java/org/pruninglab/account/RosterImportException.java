package org.pruninglab.account;

import java.util.List;

/** A roster file was refused as a whole; nothing was imported. */
public class RosterImportException extends AccountException {

  private final List<RosterProblem> problems;

  public RosterImportException(List<RosterProblem> problems) {
    super(
        "The roster file has "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "; nothing was imported.");
    this.problems = List.copyOf(problems);
  }

  public List<RosterProblem> problems() {
    return problems;
  }
}
