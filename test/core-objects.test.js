'use strict';
// copyOwnProperties (src/core/objects.ts): how every model and options copy takes the caller's or
// the service's keys. Its fast path (Object.assign) must give exactly what defining each key gives.
const { expect } = require('chai');
const { copyOwnProperties } = require('../dist/core/objects');

/** Own property names with their descriptors, in order. */
function ownDescriptors(object) {
  return Reflect.ownKeys(object).map((key) => [key, Object.getOwnPropertyDescriptor(object, key)]);
}

function dataProperty(value) {
  return { value, writable: true, enumerable: true, configurable: true };
}

describe('copyOwnProperties', () => {
  class Model {
    stop() {
      return 'method';
    }
  }

  it('copies every own enumerable string key, in order, as a writable data property', () => {
    const target = new Model();
    copyOwnProperties(target, { id: 'a', status: 'started', nested: { x: 1 }, list: [1] });
    expect(ownDescriptors(target)).to.deep.equal([
      ['id', dataProperty('a')],
      ['status', dataProperty('started')],
      ['nested', dataProperty({ x: 1 })],
      ['list', dataProperty([1])],
    ]);
  });

  it('a key named like a prototype method becomes an own property; the prototype keeps its method', () => {
    const target = new Model();
    copyOwnProperties(target, { stop: 'data', toString: 'text', constructor: 'c' });
    expect(ownDescriptors(target)).to.deep.equal([
      ['stop', dataProperty('data')],
      ['toString', dataProperty('text')],
      ['constructor', dataProperty('c')],
    ]);
    expect(Model.prototype.stop()).to.equal('method');
  });

  it('an own "__proto__" key (as JSON.parse makes it) is an own property, not a new prototype', () => {
    const target = new Model();
    const source = JSON.parse('{"a":1,"__proto__":{"polluted":true},"b":2}');
    copyOwnProperties(target, source);
    expect(Object.getPrototypeOf(target)).to.equal(Model.prototype);
    expect(target.polluted).to.equal(undefined);
    expect(ownDescriptors(target)).to.deep.equal([
      ['a', dataProperty(1)],
      ['__proto__', dataProperty({ polluted: true })],
      ['b', dataProperty(2)],
    ]);
  });

  it('symbol keys and non-enumerable keys are not copied', () => {
    const symbol = Symbol('s');
    const source = { a: 1, [symbol]: 2 };
    Object.defineProperty(source, 'hidden', { value: 3, enumerable: false });
    const target = {};
    copyOwnProperties(target, source);
    expect(ownDescriptors(target)).to.deep.equal([['a', dataProperty(1)]]);
  });

  it('an inherited read-only property (a frozen prototype) is shadowed by an own one, order kept', () => {
    class Frozen {}
    Object.defineProperty(Frozen.prototype, 'locked', { value: 'proto', writable: false });
    Object.freeze(Frozen.prototype);
    const target = new Frozen();
    copyOwnProperties(target, { a: 1, locked: 'own', b: 2 });
    expect(ownDescriptors(target)).to.deep.equal([
      ['a', dataProperty(1)],
      ['locked', dataProperty('own')],
      ['b', dataProperty(2)],
    ]);
    expect(Frozen.prototype.locked).to.equal('proto');
  });

  it('an inherited setter is not called: the key is defined on the target', () => {
    const calls = [];
    class WithSetter {}
    Object.defineProperty(WithSetter.prototype, 'watched', {
      set(value) {
        calls.push(value);
      },
      get() {
        return 'getter';
      },
    });
    const target = new WithSetter();
    copyOwnProperties(target, { watched: 'own' });
    expect(calls).to.deep.equal([]);
    expect(ownDescriptors(target)).to.deep.equal([['watched', dataProperty('own')]]);
  });

  it('keys in `skip` are left out, and the target keeps its own value for them', () => {
    const target = { ot: 'mine', sessionId: 'S' };
    copyOwnProperties(target, { ot: 'theirs', sessionId: 'T', location: 'here' }, new Set(['ot', 'sessionId']));
    expect(target).to.deep.equal({ ot: 'mine', sessionId: 'S', location: 'here' });
  });

  it('a getter on the source is read once per copy', () => {
    let reads = 0;
    const source = {
      get value() {
        reads += 1;
        return 'v';
      },
    };
    const target = {};
    copyOwnProperties(target, source);
    expect(reads).to.equal(1);
    expect(ownDescriptors(target)).to.deep.equal([['value', dataProperty('v')]]);
  });

  it('anything but an object copies nothing', () => {
    for (const source of [null, undefined, 'text', 42, true]) {
      const target = {};
      copyOwnProperties(target, source);
      expect(Reflect.ownKeys(target)).to.deep.equal([]);
    }
  });
});

describe('detachableMethods', () => {
  const { detachableMethods } = require('../dist/core/objects');

  function makeModel() {
    class Model {
      constructor(properties) {
        copyOwnProperties(this, properties);
      }

      stop(callback) {
        return callback(this.id);
      }
    }
    detachableMethods(Model.prototype, ['stop']);
    return Model;
  }

  it('a method taken off its object still runs on it, and keeps its name', () => {
    const model = new (makeModel())({ id: 'a' });
    const { stop } = model;
    expect(stop((id) => id)).to.equal('a');
    expect(stop.name).to.equal('stop');
  });

  it('the first read caches an own, non-enumerable function: no key, no JSON, no spread shows it', () => {
    const model = new (makeModel())({ id: 'a' });
    expect(Object.getOwnPropertyDescriptor(model, 'stop')).to.equal(undefined);
    const first = model.stop;
    expect(model.stop).to.equal(first);
    expect(Object.getOwnPropertyDescriptor(model, 'stop')).to.include({ value: first, enumerable: false, writable: true, configurable: true });
    expect(Object.keys(model)).to.deep.equal(['id']);
    expect(JSON.stringify(model)).to.equal('{"id":"a"}');
    expect({ ...model }).to.deep.equal({ id: 'a' });
  });

  it('costs nothing per object: construction defines only the copied keys', () => {
    const model = new (makeModel())({ id: 'a', status: 'started' });
    expect(Reflect.ownKeys(model)).to.deep.equal(['id', 'status']);
  });

  it('assigning defines an own enumerable data property, as without the accessor (a test double)', () => {
    const model = new (makeModel())({ id: 'a' });
    const double = () => 'double';
    model.stop = double;
    expect(Object.getOwnPropertyDescriptor(model, 'stop')).to.deep.equal(dataProperty(double));
  });

  it("a response field of the method's name is copied as data, in order, by copyOwnProperties' fast path too", () => {
    const Model = makeModel();
    const model = new Model({ id: 'a', stop: 'not a method', z: 1 });
    expect(ownDescriptors(model)).to.deep.equal([
      ['id', dataProperty('a')],
      ['stop', dataProperty('not a method')],
      ['z', dataProperty(1)],
    ]);
  });

  it('read on the prototype, it is the method itself; a frozen object gets a fresh function each read', () => {
    const Model = makeModel();
    // The method itself, the same on every read, and the prototype keeps its accessor.
    expect(Model.prototype.stop).to.equal(Model.prototype.stop);
    expect(Model.prototype.stop.name).to.equal('stop');
    expect(Object.getOwnPropertyDescriptor(Model.prototype, 'stop').get).to.be.a('function');
    const frozen = Object.freeze(new Model({ id: 'f' }));
    const { stop } = frozen;
    expect(stop((id) => id)).to.equal('f');
    expect(Object.getOwnPropertyDescriptor(frozen, 'stop')).to.equal(undefined);
  });
});
