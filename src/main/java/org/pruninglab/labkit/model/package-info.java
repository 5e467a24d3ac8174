/** The seeds' models with stable, PyTorch-style parameter names, and their layer facts. */
package org.pruninglab.labkit.model;
