package org.pruninglab.grading;

import java.util.ArrayList;
import java.util.List;
import org.pruninglab.account.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The state of the exercise packs for teaching staff: offered, or broken and why. */
@Service
public class PackStatusService {

  private final GradingEngine engine;

  PackStatusService(GradingEngine engine) {
    this.engine = engine;
  }

  @PreAuthorize("hasAnyRole('" + Role.TA_NAME + "', '" + Role.INSTRUCTOR_NAME + "')")
  public List<PackStatus> packs() {
    List<PackStatus> out = new ArrayList<>();
    engine
        .catalog()
        .packs()
        .values()
        .forEach(
            p ->
                out.add(
                    new PackStatus(
                        p.id(),
                        p.metadata().title(),
                        p.metadata().points(),
                        p.plan().size(),
                        p.wrongVariants().size(),
                        null)));
    engine.catalog().problems().forEach((id, why) -> out.add(new PackStatus(id, id, 0, 0, 0, why)));
    return out;
  }

  /** Why grading is off on this host, or null. */
  @PreAuthorize("hasAnyRole('" + Role.TA_NAME + "', '" + Role.INSTRUCTOR_NAME + "')")
  public String refusal() {
    return engine.refusal();
  }

  /** Whether student code runs without a sandbox here: every page says so. */
  @PreAuthorize("isAuthenticated()")
  public boolean unsafeLocal() {
    return engine.unsafeLocal();
  }

  /** Loads every pack again now (instructors), returning the new state. */
  @PreAuthorize("hasRole('" + Role.INSTRUCTOR_NAME + "')")
  public List<PackStatus> reload() {
    engine.catalog().reload();
    return packs();
  }
}
