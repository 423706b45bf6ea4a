/**
 * Bulk imports: whole published datasets written in one transaction, matched by external id so
 * that importing the same file again changes nothing.
 */
@NullMarked
package org.diplomaticcontacts.imports;

import org.jspecify.annotations.NullMarked;
