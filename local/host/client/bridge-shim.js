/*
 * Accord local site: the Custom UI bridge shim, loaded into every app iframe before the app's own script.
 * It gives @forge/bridge 7.2.0 the `globalThis.__bridge.callBridge(name, payload)` it looks for when it
 * loads, and forwards each call to the host page (the parent window) with postMessage. The host page
 * knows the module, the viewer and the context. Callbacks (events.on, view.onClose, history.listen) stay
 * here, because functions cannot cross postMessage.
 */
(function () {
  'use strict';
  var frameId = new URLSearchParams(location.search).get('frame') || '';
  var host = window.parent;
  var pending = new Map();
  var listeners = new Map(); // event name -> Set of callbacks
  var closeHandlers = [];
  var nextId = 1;

  function send(name, payload) {
    if (!frameId || host === window) {
      return Promise.reject(
        new Error(
          'Accord bridge shim: this app must be opened inside a host page of the local site (no frame id).',
        ),
      );
    }
    var id = frameId + ':' + nextId++;
    return new Promise(function (resolve, reject) {
      pending.set(id, { resolve: resolve, reject: reject });
      toHost({ accord: 'call', frame: frameId, id: id, name: name, payload: payload });
    });
  }

  // The host page's script is deferred, so this frame may run first: a message posted before the host listens
  // would be lost and its call would never answer. Messages wait until the host says it is ready — in answer
  // to our hello, or in its own greeting to every frame when it starts, whichever arrives.
  var hostReady = false;
  var waiting = [];
  function toHost(message) {
    if (hostReady) host.postMessage(message, location.origin);
    else waiting.push(message);
  }
  function onHostReady() {
    if (hostReady) return;
    hostReady = true;
    waiting.splice(0).forEach(function (message) {
      host.postMessage(message, location.origin);
    });
  }
  if (frameId && host !== window) host.postMessage({ accord: 'hello', frame: frameId }, location.origin);

  function applyTheme(theme) {
    if (!theme || !theme.colorMode) return;
    var root = document.documentElement;
    root.setAttribute('data-color-mode', theme.colorMode);
    if (!root.getAttribute('data-theme')) {
      root.setAttribute(
        'data-theme',
        'dark:dark light:light spacing:spacing typography:typography shape:shape',
      );
    }
  }

  window.addEventListener('message', function (event) {
    if (event.source !== host || event.origin !== location.origin) return;
    var msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.accord === 'ready') {
      onHostReady();
    } else if (msg.accord === 'result') {
      var call = pending.get(msg.id);
      if (!call) return;
      pending.delete(msg.id);
      if (msg.ok) call.resolve(msg.value);
      else call.reject(new Error(msg.error || 'The host refused the bridge call.'));
    } else if (msg.accord === 'event') {
      (listeners.get(msg.event) || new Set()).forEach(function (callback) {
        try {
          callback(msg.payload);
        } catch (error) {
          console.error('Accord bridge shim: event handler failed', error);
        }
      });
    } else if (msg.accord === 'theme') {
      applyTheme(msg.theme);
    } else if (msg.accord === 'closing') {
      closeHandlers.forEach(function (handler) {
        try {
          handler();
        } catch (error) {
          console.error(error);
        }
      });
    }
  });

  // A small history for `view.createHistory()`; the module's own route lives in the frame.
  function createHistory() {
    var subscribers = [];
    var history = {
      action: 'POP',
      location: { pathname: '/', search: '', hash: '', state: null, key: 'default' },
      push: function (to, state) {
        change('PUSH', to, state);
      },
      replace: function (to, state) {
        change('REPLACE', to, state);
      },
      go: function () {},
      back: function () {},
      forward: function () {},
      listen: function (listener) {
        subscribers.push(listener);
        return function () {
          subscribers = subscribers.filter(function (s) {
            return s !== listener;
          });
        };
      },
      createHref: function (to) {
        return typeof to === 'string' ? to : (to.pathname || '/') + (to.search || '') + (to.hash || '');
      },
      block: function () {
        return function () {};
      },
    };
    function change(action, to, state) {
      var path = typeof to === 'string' ? to : history.createHref(to);
      var url = new URL(path, 'http://frame');
      history.action = action;
      history.location = {
        pathname: url.pathname,
        search: url.search,
        hash: url.hash,
        state: state || null,
        key: String(nextId++),
      };
      subscribers.slice().forEach(function (s) {
        s(history.location, action);
      });
    }
    return history;
  }

  function callBridge(name, payload) {
    switch (name) {
      case 'on':
      case 'onPublic': {
        var set = listeners.get(payload.event) || new Set();
        set.add(payload.callback);
        listeners.set(payload.event, set);
        return send('subscribe', { event: payload.event }).then(function () {
          return {
            unsubscribe: function () {
              set.delete(payload.callback);
            },
          };
        });
      }
      case 'onClose':
        if (typeof payload === 'function') closeHandlers.push(payload);
        return Promise.resolve(true);
      case 'createHistory':
        return Promise.resolve(createHistory());
      case 'getFrameId':
        return Promise.resolve(frameId);
      case 'enableTheming':
        return send('enableTheming', null).then(function (theme) {
          applyTheme(theme);
          return true;
        });
      default:
        // Everything else is answered by the host page, which rejects names it does not know.
        return send(name, payload === undefined ? null : payload);
    }
  }

  globalThis.__bridge = { callBridge: callBridge };

  // Let the host size the iframe to its content, as Forge does with iframe-resizer.
  // The app's root element is measured, not <body>: a body styled to fill the frame would never let it grow.
  function contentOf() {
    return document.getElementById('root') || document.body;
  }
  function reportSize() {
    var content = contentOf();
    var style = getComputedStyle(document.body);
    var height = Math.ceil(
      content.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom),
    );
    if (!hostReady) {
      waiting = waiting.filter(function (m) {
        return m.accord !== 'resize';
      });
    }
    toHost({ accord: 'resize', frame: frameId, height: height });
  }
  if (typeof ResizeObserver === 'function') {
    document.addEventListener('DOMContentLoaded', function () {
      new ResizeObserver(reportSize).observe(contentOf());
      reportSize();
    });
  }
})();
