// Signs on sign_oca's own signing page (/sign_oca/document/<signer>/<token>) as a person would:
// click the signature box in the PDF, adopt the signature offered from the signer's name,
// then "Validate & Send document". That page loads no tour engine, so HttpCase.browser_js runs
// this script; it waits for each element (no fixed delay) and reports the outcome of the
// signature call before sign_oca leaves the page.
(async () => {
    const TIMEOUT = 40000;
    const until = (probe, what) =>
        new Promise((resolve, reject) => {
            const started = Date.now();
            const tick = () => {
                let found;
                try {
                    found = probe();
                } catch {
                    found = null;
                }
                if (found) {
                    resolve(found);
                } else if (Date.now() - started > TIMEOUT) {
                    reject(new Error(`sign_oca page: no ${what} after ${TIMEOUT} ms`));
                } else {
                    requestAnimationFrame(tick);
                }
            };
            tick();
        });
    const enabled = (el) => el && !el.disabled && el.offsetParent !== null && el;

    // The answer of the signature call, seen before sign_oca redirects.
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (method, url, ...rest) {
        if (String(url).startsWith("/sign_oca/sign/")) {
            this.addEventListener("load", () => {
                const answer = JSON.parse(this.responseText);
                if (answer.error) {
                    console.error(`sign_oca refused the signature: ${JSON.stringify(answer.error)}`);
                } else {
                    console.log("test successful");
                }
            });
        }
        return open.call(this, method, url, ...rest);
    };

    const iframe = await until(() => document.querySelector("iframe.o_sign_oca_iframe"), "viewer");
    const box = await until(
        () =>
            iframe.contentDocument.querySelector(
                "#viewer.sign_oca_ready .o_sign_oca_field.sign_oca_field_required > div"
            ),
        "signature box of this signer"
    );
    box.scrollIntoView();
    box.click();
    const adopt = await until(
        () => enabled(document.querySelector(".modal .modal-footer .btn-primary")),
        "signature to adopt"
    );
    adopt.click();
    await until(
        () => iframe.contentDocument.querySelector(".o_sign_oca_field.sign_oca_field_required img"),
        "signature image in the document"
    );
    const validate = await until(() => enabled(document.querySelector("#sign_oca_button")), "Validate button");
    validate.click();
})().catch((error) => console.error(error.message));
