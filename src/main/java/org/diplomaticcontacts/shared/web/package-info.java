/** Servlet-level guards that run before any controller: body size limits, idempotent POSTs. */
@NullMarked
package org.diplomaticcontacts.shared.web;

import org.jspecify.annotations.NullMarked;
