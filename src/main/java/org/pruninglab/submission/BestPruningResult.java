package org.pruninglab.submission;

/**
 * An account's best pruning result for an exercise: from its highest-scoring submission (the latest
 * among equals) that recorded a finite sparsity and accuracy.
 *
 * @param accuracy test accuracy after fine-tuning where recorded, else after pruning
 * @param macs multiply-accumulates, where recorded
 */
public record BestPruningResult(long accountId, double accuracy, double sparsity, Double macs) {}
