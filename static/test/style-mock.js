// Jest stand-in for stylesheet imports (Atlaskit's `.compiled.css`, the token themes): jsdom does not lay out.
module.exports = {};
