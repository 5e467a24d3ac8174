package org.pruninglab.account;

import java.util.List;

/** What importing a roster file would do, or why it cannot be imported. */
public record RosterPlan(List<RosterChange> changes, List<RosterProblem> problems) {

  public RosterPlan {
    changes = List.copyOf(changes);
    problems = List.copyOf(problems);
  }

  public boolean importable() {
    return problems.isEmpty() && !changes.isEmpty();
  }

  public long count(RosterChange.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }
}
