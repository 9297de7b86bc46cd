// share: Spanish messages, with the same keys and {placeholders} as en/share.js.
export default {
  'share.export.pngFailed': 'no se pudo dibujar la línea de tiempo en un PNG',

  // page-share.js and link-state.js: the link's problems on the page.
  'share.link.problems': 'Problemas con el enlace',
  'share.link.language':
    'El idioma {value} no es uno de los que habla Wakeline (en para inglés, es para español); se ignoró.',
  'share.view.selectMissing': {
    one: 'El enlace selecciona {kind} {id}, que esta ejecución no tiene (tiene {count} evento).',
    other: 'El enlace selecciona {kind} {id}, que esta ejecución no tiene (tiene {count} eventos).',
  },
  'share.view.playheadMissing': {
    one: 'El cabezal del enlace está en el evento {seq}, que esta ejecución no tiene (tiene {count} evento).',
    other:
      'El cabezal del enlace está en el evento {seq}, que esta ejecución no tiene (tiene {count} eventos).',
  },
  'share.view.playheadAfterEnd':
    'El cabezal del enlace ({at} ns) queda después del final de esta ejecución ({last} ns); se muestra el final.',

  // link-codec.js: a link's parts that cannot be read ({value}: the text, quoted).
  'share.codec.notTime': '{value} no es un tiempo como 12ms, 1.5s, 40us o 7ns',
  'share.codec.tooFar': '{value} queda demasiado lejos en el tiempo',
  'share.codec.notPosition': '{value} no es una posición como 12ms o -1.5ms',
  'share.codec.notSelection': '{value} no es seq:N ni task:N',
  'share.codec.notValue': '{value} no es un número entero, true ni false',
  'share.codec.tooLong':
    'El enlace es demasiado largo ({length} caracteres, como mucho {max}); se ignoró.',
  'share.codec.programTooLong':
    'El programa del enlace es demasiado largo ({length} caracteres, como mucho {max}); se ignoró.',
  'share.codec.tooManyParts': 'El enlace tiene {count} partes; solo se leyeron las {max} primeras.',
  'share.codec.badEncoding':
    'La parte {part} del enlace no es una codificación por porcentaje válida; se ignoró.',
  'share.codec.noValue':
    'La parte {name} del enlace no tiene valor (se esperaba {name}=…); se ignoró.',
  'share.codec.twice': 'El enlace da {name} más de una vez; cuenta la primera.',
  'share.codec.badVersion':
    'La versión del enlace {value} no es un número de versión; se leyó como versión {version}.',
  'share.codec.newerVersion':
    'El enlace lo hizo un Wakeline más reciente (versión {newer}); se leyó como versión {version} y puede que falten partes.',
  'share.codec.badId.example': 'El ejemplo {value} no es un id válido; se ignoró.',
  'share.codec.badId.strategy': 'La estrategia {value} no es un id válido; se ignoró.',
  'share.codec.badId.compare': 'La estrategia que comparar {value} no es un id válido; se ignoró.',
  'share.codec.badSeed': 'La semilla {value} no es un número entero de 0 a 2^53; se ignoró.',
  'share.codec.badPlayhead': 'El cabezal: {error}, ni seq:N para un evento; se ignoró.',
  'share.codec.badView':
    'La vista {value} no son dos posiciones como 10ms..14.5ms, la primera antes que la segunda; se muestra toda la ejecución.',
  'share.codec.badProgram':
    'El programa del enlace tiene caracteres que base64url no usa (el enlace se modificó o se estropeó); se ignoró.',
  'share.codec.badSpread': 'La parte spread {value} no es true ni false; se ignoró.',
  'share.codec.badSelect': 'La selección {error}; se ignoró.',
  'share.codec.notParamName': 'La parte {name} del enlace no es un nombre de parámetro; se ignoró.',
  'share.codec.paramTwice': 'El enlace da el parámetro {name} más de una vez; cuenta el primero.',
  'share.codec.badParam': 'El parámetro {name}: {error}; se usa su valor por defecto.',

  // link-codec.js: what a link says, checked against the catalogue.
  'share.codec.unknownExample':
    'El enlace nombra un ejemplo que no existe: {value}. Se muestra {fallback}.',
  'share.codec.unknownStrategy':
    'El ejemplo {example} no tiene la estrategia {value} (tiene {list}); se usa {strategy}.',
  'share.codec.unknownParam': 'El ejemplo {example} no tiene el parámetro {name}; se ignoró.',
  'share.codec.unknownParamOrSetting':
    'El ejemplo {example} no tiene el parámetro {name} y la estrategia {strategy} no tiene ese ajuste; se ignoró.',
  'share.codec.what.param': 'El parámetro {name}',
  'share.codec.what.setting': 'El ajuste {name} de {strategy}',
  'share.codec.notBoolean':
    '{what} debe ser true o false, no {value}; se usa su valor por defecto, {default}.',
  'share.codec.notWhole':
    '{what} debe ser un número entero, no {value}; se usa su valor por defecto, {default}.',
  'share.codec.outOfRange':
    '{what} debe estar entre {min} y {max}, no {value}; se usa su valor por defecto, {default}.',
};
