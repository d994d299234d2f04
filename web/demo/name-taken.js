// Another script on this intranet page has already registered <practice-lens> for itself.
customElements.define("practice-lens", class extends HTMLElement {
  connectedCallback() {
    this.textContent = "Another widget owns this element name.";
  }
});

// Practice Lens is loaded after it, registers under a free name, and this page creates the
// element through the exported tag name.
const { tagName } = await import("../practice-lens.js");
const element = document.createElement(tagName);
element.setAttribute("view", "home");
element.setAttribute("db-name", "practice-lens-name-taken");
element.setAttribute("data-lens-host", "");
document.getElementById("lens-slot").append(element);
