/** Who may write: admins by HTTP Basic or bearer JWT; every read is public. */
@NullMarked
package org.diplomaticcontacts.shared.security;

import org.jspecify.annotations.NullMarked;
