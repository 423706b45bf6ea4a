/** Who changed what, when: an append-only record written in the same transaction as each change. */
@NullMarked
package org.diplomaticcontacts.shared.history;

import org.jspecify.annotations.NullMarked;
