package org.pruninglab.exercise;

import java.util.ArrayList;
import java.util.List;
import org.pruninglab.account.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The state of the exercise packs for teaching staff: offered, or broken and why. */
@Service
public class PackStatusService {

  private final ExerciseCatalog catalog;
  private final GradingAvailability grading;

  PackStatusService(ExerciseCatalog catalog, GradingAvailability grading) {
    this.catalog = catalog;
    this.grading = grading;
  }

  @PreAuthorize("hasAnyRole('" + Role.TA_NAME + "', '" + Role.INSTRUCTOR_NAME + "')")
  public List<PackStatus> packs() {
    List<PackStatus> out = new ArrayList<>();
    catalog
        .gradingPacks()
        .forEach(
            p ->
                out.add(
                    new PackStatus(
                        p.id(),
                        p.metadata().title(),
                        p.metadata().points(),
                        p.plan(true).size(),
                        p.wrongVariants().size(),
                        p.contentHash(),
                        null)));
    catalog.problems().forEach((id, why) -> out.add(new PackStatus(id, id, 0, 0, 0, null, why)));
    return out;
  }

  /** Why grading is off on this host, or null. */
  @PreAuthorize("hasAnyRole('" + Role.TA_NAME + "', '" + Role.INSTRUCTOR_NAME + "')")
  public String refusal() {
    return grading.refusal();
  }

  /** Loads every pack again now (instructors), returning the new state. */
  @PreAuthorize("hasRole('" + Role.INSTRUCTOR_NAME + "')")
  public List<PackStatus> reload() {
    catalog.reload();
    return packs();
  }
}
