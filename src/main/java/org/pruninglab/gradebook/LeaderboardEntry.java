package org.pruninglab.gradebook;

/** A line of the pseudonymous leaderboard: one student's best pruning result. */
public record LeaderboardEntry(
    int rank, String pseudonym, boolean you, double accuracy, double sparsity, Double macs) {}
