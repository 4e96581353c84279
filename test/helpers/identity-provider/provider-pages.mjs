// The identity provider's own pages: sign-in, sign-out confirmation, errors. Plain HTML, no scripts
// but the sign-out page's auto-submit, so a browser test sees exactly what a user would.

/** @param {unknown} value */
export function escapeHtml(value) {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** @param {string} title @param {string} body */
function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

/**
 * The sign-in form of one interaction.
 * @param {{ uid: string, clientName: string, email?: string, error?: string, acrValues?: string }} input
 */
export function loginPage({ uid, clientName, email, error, acrValues }) {
  const problem = error ? `<p id="error" role="alert">${escapeHtml(error)}</p>` : '';
  const stepUp = acrValues?.split(' ').includes('urn:raci:loa:mfa')
    ? '<p id="step-up">This sign-in asks for your one-time code.</p>'
    : '';
  return page(
    'Sign in',
    `<p>to continue to ${escapeHtml(clientName)}</p>
${problem}${stepUp}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
  <p><label for="email">Email</label>
  <input id="email" name="email" type="email" value="${escapeHtml(email)}" required autofocus></p>
  <p><label for="password">Password</label>
  <input id="password" name="password" type="password" required></p>
  <p><label for="otp">One-time code</label>
  <input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code"></p>
  <p><button id="sign-in" type="submit">Sign in</button></p>
</form>`,
  );
}

/**
 * RP-initiated logout: the provider's own form (with its CSRF token), submitted at once.
 * @param {{ host: string }} ctx @param {string} form
 */
export function logoutPage(ctx, form) {
  return page(
    'Sign out',
    `<p>Signing you out of ${escapeHtml(ctx.host)}…</p>
${form}
<button id="sign-out" type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<script>
  var f = document.getElementById('op.logoutForm');
  var yes = document.createElement('input');
  yes.type = 'hidden'; yes.name = 'logout'; yes.value = 'yes';
  f.appendChild(yes); f.submit();
</script>`,
  );
}

/** Where the provider lands when no post_logout_redirect_uri was given. */
export function loggedOutPage() {
  return page('Signed out', '<p id="signed-out">You are signed out.</p>');
}

/** @param {{ error: string, error_description?: string }} out */
export function errorPage(out) {
  return page(
    'Sign-in error',
    `<p id="problem"><code>${escapeHtml(out.error)}</code> ${escapeHtml(out.error_description)}</p>`,
  );
}
