/**
 * Training and evaluation: PyTorch's optimisers and schedules, a loop whose after-step hooks run
 * after every optimiser step (where pruning masks are re-applied), and progress reports.
 */
package org.pruninglab.labkit.train;
