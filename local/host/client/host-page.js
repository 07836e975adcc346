/*
 * Accord local site: the host page's side of the Custom UI bridge. Answers the bridge calls that app
 * iframes send (see bridge-shim.js) as Jira or Confluence would: context, resolver invocations
 * (POST /forge/invoke), product fetches as the viewer, events, macro config submit/close, navigation,
 * theming. Page data comes from the JSON block #accord-host-data written by local/host/host-pages.ts.
 */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('accord-host-data').textContent || '{}');
  var viewer = data.viewer || {};
  var frames = new Map(); // frame id -> descriptor (+ runtime flags)
  (data.frames || []).forEach(function (f) {
    frames.set(f.id, f);
  });
  var subscriptions = new Map(); // event -> Set of frame ids
  var themedFrames = new Set();

  // ---- viewer and theme chrome ----------------------------------------------------------------------
  var select = document.querySelector('[data-autosubmit]');
  if (select) {
    select.addEventListener('change', function () {
      select.form.submit();
    });
  }
  function colorMode() {
    return localStorage.getItem('accord-host-theme') === 'dark' ? 'dark' : 'light';
  }
  function themeState() {
    return {
      colorMode: colorMode(),
      dark: 'dark',
      light: 'light',
      spacing: 'spacing',
      typography: 'typography',
      shape: 'shape',
    };
  }
  function applyHostTheme() {
    document.documentElement.setAttribute('data-host-theme', colorMode());
    var toggle = document.getElementById('host-theme-toggle');
    if (toggle) {
      toggle.setAttribute('aria-pressed', String(colorMode() === 'dark'));
      toggle.textContent = colorMode() === 'dark' ? 'Light mode' : 'Dark mode';
    }
  }
  applyHostTheme();
  var themeToggle = document.getElementById('host-theme-toggle');
  if (themeToggle) {
    themeToggle.addEventListener('click', function () {
      localStorage.setItem('accord-host-theme', colorMode() === 'dark' ? 'light' : 'dark');
      applyHostTheme();
      themedFrames.forEach(function (id) {
        post(id, { accord: 'theme', theme: themeState() });
      });
    });
  }

  function flag(message, appearance) {
    var box = document.getElementById('host-flags');
    if (!box) return;
    var item = document.createElement('div');
    item.className = 'host-flag host-flag-' + (appearance || 'info');
    item.textContent = message;
    box.appendChild(item);
    setTimeout(function () {
      item.remove();
    }, 8000);
  }

  // ---- frames -------------------------------------------------------------------------------------
  function iframeOf(id) {
    return document.querySelector('iframe[data-frame="' + CSS.escape(id) + '"]');
  }
  function post(id, message) {
    var iframe = iframeOf(id);
    if (iframe && iframe.contentWindow) iframe.contentWindow.postMessage(message, location.origin);
  }
  function contextOf(frame) {
    return {
      accountId: viewer.accountId,
      cloudId: data.cloudId,
      localId: frame.localId,
      moduleKey: frame.moduleKey,
      siteUrl: location.origin,
      environmentType: 'DEVELOPMENT',
      environmentId: data.environmentId,
      locale: 'en-US',
      timezone: viewer.timeZone || 'UTC',
      theme: themeState(),
      extension: frame.extension,
    };
  }

  function withViewer(path) {
    var url = new URL(path, location.origin);
    if (url.origin === location.origin && !url.searchParams.has('as'))
      url.searchParams.set('as', viewer.name);
    return url.toString();
  }

  async function invoke(frame, payload) {
    if (!frame.functionKey)
      throw new Error('Module ' + frame.moduleKey + ' has no resolver in manifest.yml.');
    var context = contextOf(frame);
    delete context.theme;
    var response = await fetch('/forge/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        functionKey: frame.functionKey,
        call: payload.functionKey,
        payload: payload.payload || {},
        context: context,
      }),
    });
    var text = await response.text();
    if (!response.ok) {
      var message = text;
      try {
        message = JSON.parse(text).error || text;
      } catch (e) {
        /* keep the text */
      }
      throw new Error('invoke("' + payload.functionKey + '") failed: ' + response.status + ' ' + message);
    }
    return text ? JSON.parse(text) : undefined;
  }

  async function fetchProduct(payload) {
    var product = payload.product;
    var path = String(payload.restPath || '');
    var allowed = product === 'jira' ? /^\/rest\// : product === 'confluence' ? /^\/wiki\// : null;
    if (!allowed)
      throw new Error(
        'fetchProduct: the local site emulates Jira and Confluence only, not "' + product + '".',
      );
    if (!allowed.test(path))
      throw new Error(
        'fetchProduct: ' +
          product +
          ' paths start with ' +
          allowed.source.replace(/\\/g, '') +
          ', got "' +
          path +
          '".',
      );
    var init = payload.fetchRequestInit || {};
    var headers = new Headers(init.headers || []);
    headers.set('X-Forge-User', viewer.accountId);
    // Marks a Custom UI requestJira/requestConfluence so the site can check it against the specs and scopes.
    headers.set('X-Forge-Bridge', 'custom-ui');
    var method = (init.method || 'GET').toUpperCase();
    var response = await fetch(path, {
      method: method,
      headers: headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : init.body,
    });
    var out = {};
    response.headers.forEach(function (value, key) {
      out[key] = value;
    });
    return {
      body: await response.text(),
      headers: out,
      status: response.status,
      statusText: response.statusText,
    };
  }

  function emit(event, payload, exceptFrame) {
    (subscriptions.get(event) || new Set()).forEach(function (id) {
      if (id !== exceptFrame) post(id, { accord: 'event', event: event, payload: payload });
    });
  }
  window.accordHostEmit = emit;

  // ---- macro editing (Confluence) -------------------------------------------------------------------
  var modal = document.getElementById('host-modal');
  var modalFrameId = null;
  var configCount = 0;

  function openConfig(viewFrame, insertModuleKey) {
    if (!modal) return;
    var module = (data.macroModules || []).find(function (m) {
      return m.key === (viewFrame ? viewFrame.moduleKey : insertModuleKey);
    });
    if (!module || !module.configResource) return flag('This macro has no configuration.', 'warning');
    var id = 'config-' + configCount++;
    var extension = viewFrame
      ? Object.assign({}, viewFrame.extension, {
          isEditing: true,
          macro: Object.assign({}, viewFrame.extension.macro, { isConfiguring: true }),
        })
      : {
          type: 'macro',
          content: { id: data.page.id, type: 'page' },
          space: { id: data.page.spaceId, key: data.page.spaceKey },
          config: {},
          macro: { title: module.title, isConfiguring: true, isInserting: true },
          isEditing: true,
          references: [],
        };
    frames.set(id, {
      id: id,
      moduleKey: module.key,
      moduleType: 'macro',
      resourceKey: module.configResource,
      functionKey: module.functionKey,
      localId: viewFrame ? viewFrame.localId : 'new-' + id,
      extension: extension,
      config: { macroLocalId: viewFrame ? viewFrame.localId : null, insert: !viewFrame },
    });
    var body = modal.querySelector('.host-modal-body');
    body.innerHTML = '';
    var iframe = document.createElement('iframe');
    iframe.className = 'host-frame host-frame-modal host-frame-' + (module.viewportSize || 'medium');
    iframe.setAttribute('data-frame', id);
    iframe.title = module.title + ' configuration';
    iframe.src =
      '/static/' + encodeURIComponent(module.configResource) + '/index.html?frame=' + encodeURIComponent(id);
    body.appendChild(iframe);
    modalFrameId = id;
    modal.showModal();
  }

  function closeModal() {
    if (!modal || !modalFrameId) return;
    post(modalFrameId, { accord: 'closing' });
    frames.delete(modalFrameId);
    themedFrames.delete(modalFrameId);
    modalFrameId = null;
    modal.close();
    modal.querySelector('.host-modal-body').innerHTML = '';
  }
  if (modal) {
    modal.addEventListener('cancel', function (event) {
      event.preventDefault();
      closeModal();
    });
  }

  async function submitConfig(frame, payload) {
    var config = payload && payload.config;
    if (!config || typeof config !== 'object')
      throw new Error('view.submit needs { config: {...} } in a macro config.');
    var response = await fetch(
      '/host/confluence/pages/' + encodeURIComponent(data.page.id) + '/macro-config',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          accountId: viewer.accountId,
          baseVersion: data.page.version,
          localId: frame.config.macroLocalId || undefined,
          moduleKey: frame.moduleKey,
          insert: frame.config.insert,
          config: config,
        }),
      },
    );
    var result = await response.json().catch(function () {
      return { ok: false, message: 'The page could not be saved (' + response.status + ').' };
    });
    if (!result.ok) {
      showModalError(result.message);
      return true; // the submit reached the host; the host shows why the page was not saved
    }
    closeModal();
    location.reload();
    return true;
  }

  // ---- Jira dashboard gadgets: the edit view's submit stores the config for this gadget -----------------
  function gadgetUrl(frame, edit) {
    var url = new URL(location.href);
    if (edit) url.searchParams.set('edit', frame.gadget.itemId);
    else url.searchParams.delete('edit');
    return withViewer(url.pathname + url.search);
  }
  async function submitGadget(frame, payload) {
    if (!payload || typeof payload !== 'object' || Array.isArray(payload))
      throw new Error('view.submit needs the gadget configuration as an object.');
    var response = await fetch(
      '/host/jira/dashboards/' +
        encodeURIComponent(frame.gadget.dashboardId) +
        '/gadgets/' +
        encodeURIComponent(frame.gadget.itemId) +
        '/config',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ config: payload }),
      },
    );
    var result = await response.json().catch(function () {
      return { ok: false, message: 'The gadget configuration could not be saved (' + response.status + ').' };
    });
    if (!result.ok) throw new Error(result.message);
    location.assign(gadgetUrl(frame, false));
    return true;
  }

  function showModalError(message) {
    var body = modal && modal.querySelector('.host-modal-body');
    if (!body) return flag(message, 'error');
    var old = body.querySelector('.host-modal-error');
    if (old) old.remove();
    var box = document.createElement('div');
    box.className = 'host-modal-error';
    box.setAttribute('role', 'alert');
    box.textContent = message;
    body.insertBefore(box, body.firstChild);
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var edit = target && target.closest('[data-edit-macro]');
    if (edit) return openConfig(frames.get(edit.getAttribute('data-edit-macro')), null);
    var insert = target && target.closest('[data-insert-macro]');
    if (insert) return openConfig(null, insert.getAttribute('data-insert-macro'));
    var bylineButton = target && target.closest('[data-byline-toggle]');
    if (bylineButton) return toggleByline(bylineButton);
    // A click anywhere else closes an open byline popup, as Confluence's inline dialogs do.
    if (!(target && target.closest('.host-byline-popup'))) closeBylines(null);
  });

  // ---- byline items (Confluence) --------------------------------------------------------------------
  function closeBylines(except) {
    document.querySelectorAll('[data-byline-toggle][aria-expanded="true"]').forEach(function (button) {
      if (button === except) return;
      button.setAttribute('aria-expanded', 'false');
      var popup = document.getElementById(button.getAttribute('aria-controls'));
      if (popup) popup.hidden = true;
    });
  }
  function toggleByline(button) {
    var popup = document.getElementById(button.getAttribute('aria-controls'));
    if (!popup) return;
    closeBylines(button);
    var open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    popup.hidden = !open;
  }
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    var open = document.querySelector('[data-byline-toggle][aria-expanded="true"]');
    if (!open) return;
    closeBylines(null);
    open.focus();
  });

  // ---- bridge calls ---------------------------------------------------------------------------------
  var handlers = {
    getContext: function (frame) {
      return contextOf(frame);
    },
    invoke: function (frame, payload) {
      return invoke(frame, payload);
    },
    fetchProduct: function (_frame, payload) {
      return fetchProduct(payload);
    },
    subscribe: function (frame, payload) {
      var set = subscriptions.get(payload.event) || new Set();
      set.add(frame.id);
      subscriptions.set(payload.event, set);
      return true;
    },
    emit: function (frame, payload) {
      emit(payload.event, payload.payload, frame.id);
    },
    emitPublic: function (frame, payload) {
      emit(payload.event, payload.payload, frame.id);
    },
    enableTheming: function (frame) {
      themedFrames.add(frame.id);
      return themeState();
    },
    submit: function (frame, payload) {
      if (frame.gadget && frame.gadget.editing) return submitGadget(frame, payload);
      if (!frame.config) return false; // only a macro config view is submittable
      return submitConfig(frame, payload);
    },
    close: function (frame) {
      if (frame.gadget && frame.gadget.editing) {
        location.assign(gadgetUrl(frame, false));
        return true;
      }
      if (frame.id !== modalFrameId) return false;
      closeModal();
      return true;
    },
    open: function (frame) {
      if (frame.gadget && frame.gadget.canEdit && !frame.gadget.editing) {
        location.assign(gadgetUrl(frame, true));
        return true;
      }
      if (frame.moduleType !== 'macro' || !data.page || !data.page.canEdit) return false;
      openConfig(frame, null);
      return true;
    },
    refresh: function (frame) {
      var iframe = iframeOf(frame.id);
      if (!iframe) return false;
      iframe.src = iframe.src;
      return true;
    },
    reload: function () {
      location.reload();
    },
    navigate: function (_frame, payload) {
      var url = payload.url ? withViewer(payload.url) : urlOf(payload);
      if (payload.type === 'new-tab') window.open(url, '_blank', 'noopener');
      else location.assign(url);
    },
    getUrl: function (_frame, payload) {
      return urlOf(payload);
    },
    changeWindowTitle: function (_frame, title) {
      document.title = String(title);
    },
    showFlag: function (_frame, payload) {
      flag((payload.title ? payload.title + ': ' : '') + (payload.description || ''), payload.type);
      return true;
    },
    closeFlag: function () {
      return true;
    },
    emitReadyEvent: function () {
      return true;
    },
  };

  function urlOf(location_) {
    var target = location_ && location_.target;
    if (target === 'issue' && location_.issueKey)
      return withViewer('/jira/browse/' + encodeURIComponent(location_.issueKey));
    if (target === 'contentView' && location_.contentId) {
      var contentId = String(location_.contentId);
      if (data.page && data.page.spaceKey && String(data.page.id) === contentId) {
        return withViewer(
          '/wiki/spaces/' +
            encodeURIComponent(data.page.spaceKey) +
            '/pages/' +
            encodeURIComponent(contentId),
        );
      }
      // Another page, or no Confluence page here (a Jira issue view): the site finds its space and redirects.
      return withViewer('/wiki/pages/viewpage.action?pageId=' + encodeURIComponent(contentId));
    }
    if (target === 'module' && location_.moduleKey)
      return withViewer('/jira/apps/' + encodeURIComponent(location_.moduleKey));
    throw new Error('The local site cannot navigate to target "' + target + '" yet.');
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== location.origin) return;
    var msg = event.data;
    if (!msg || typeof msg !== 'object' || typeof msg.frame !== 'string') return;
    var frame = frames.get(msg.frame);
    var iframe = iframeOf(msg.frame);
    // Only the iframe that owns a frame id may speak for it.
    if (!frame || !iframe || iframe.contentWindow !== event.source) return;
    if (msg.accord === 'hello') {
      event.source.postMessage({ accord: 'ready' }, location.origin);
      return;
    }
    if (msg.accord === 'resize') {
      if (!iframe.classList.contains('host-frame-modal'))
        iframe.style.height = Math.max(40, msg.height) + 'px';
      return;
    }
    if (msg.accord !== 'call') return;
    var reply = function (ok, valueOrError) {
      event.source.postMessage(
        ok
          ? { accord: 'result', id: msg.id, ok: true, value: valueOrError }
          : { accord: 'result', id: msg.id, ok: false, error: valueOrError },
        location.origin,
      );
    };
    var handler = Object.prototype.hasOwnProperty.call(handlers, msg.name) ? handlers[msg.name] : null;
    if (!handler) {
      return reply(
        false,
        'The local site does not support the bridge call "' +
          msg.name +
          '" yet (module ' +
          frame.moduleKey +
          ').',
      );
    }
    Promise.resolve()
      .then(function () {
        return handler(frame, msg.payload);
      })
      .then(
        function (value) {
          reply(true, value === undefined ? null : value);
        },
        function (error) {
          reply(false, error && error.message ? error.message : String(error));
        },
      );
  });

  // Frames that loaded before this deferred script may already have said hello to no one: greet them all.
  document.querySelectorAll('iframe[data-frame]').forEach(function (iframe) {
    if (iframe.contentWindow) iframe.contentWindow.postMessage({ accord: 'ready' }, location.origin);
  });

  // ---- Jira: tell the issue's modules when the issue changes ----------------------------------------
  if (data.issue) {
    var lastUpdated = data.issue.updated;
    setInterval(async function () {
      if (document.hidden || !(subscriptions.get('JIRA_ISSUE_CHANGED') || new Set()).size) return;
      try {
        var response = await fetch(
          '/rest/api/3/issue/' + encodeURIComponent(data.issue.key) + '?fields=updated',
          {
            headers: { 'X-Forge-User': viewer.accountId, Accept: 'application/json' },
          },
        );
        if (!response.ok) return;
        var issue = await response.json();
        var updated = issue.fields && issue.fields.updated;
        if (updated && updated !== lastUpdated) {
          lastUpdated = updated;
          emit('JIRA_ISSUE_CHANGED', {
            issueId: data.issue.id,
            projectId: data.issue.projectId,
            changes: [{ changeType: 'updated', atlassianId: viewer.accountId }],
          });
        }
      } catch (e) {
        /* the next poll tries again */
      }
    }, 3000);
  }
})();
