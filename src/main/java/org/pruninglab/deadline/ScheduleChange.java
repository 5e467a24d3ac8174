package org.pruninglab.deadline;

import java.time.Instant;

/** What an instructor sets on the deadlines page; checked by {@link Deadlines#updateSchedule}. */
public record ScheduleChange(
    Instant release,
    Instant due,
    LatePolicy late,
    FinalChoice finalChoice,
    Instant gradesReleaseAt,
    boolean leaderboard) {}
