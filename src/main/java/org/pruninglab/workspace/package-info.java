/**
 * The student's workspace on the server: drafts saved as they type, with versions so that two tabs
 * cannot silently overwrite each other, and a history of replaced drafts. (The browser workspace
 * itself comes with the workspace UI.)
 */
package org.pruninglab.workspace;
