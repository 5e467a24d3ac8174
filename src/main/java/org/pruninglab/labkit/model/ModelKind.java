package org.pruninglab.labkit.model;

/** The models of the seeds. */
public enum ModelKind {
  /** Seed 000: 784-512-256-128-10, ReLU, logits out. */
  MLP,
  /** Seed 001: conv 1→32, conv 32→64, max-pool, dropout, fc 9216→128, fc 128→10, log-softmax. */
  CNN,
  /** For filter pruning (seed 004): Conv-BatchNorm-ReLU blocks, each followed by a conv or fc. */
  VGG
}
