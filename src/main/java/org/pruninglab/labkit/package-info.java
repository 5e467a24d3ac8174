/**
 * The lab kit: the small DJL-based library that students' code and the hidden tests use —
 * Fashion-MNIST, the seeds' models, training with an after-step hook, metrics and checkpoints. It
 * depends on no Spring or Vaadin class, because it also runs inside the grading sandbox.
 */
package org.pruninglab.labkit;
