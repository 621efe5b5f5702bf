// A readable rendering of the OpenAPI document: endpoints grouped by tag, each with its
// parameters, request body and responses, then the shared schemas. Server-rendered; its tables
// are the shared Table, which becomes a focusable region only while it scrolls sideways.
import { Fragment } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { refName, schemaText } from './schema-text';
import styles from './api-reference.module.css';

type Schema = Record<string, unknown> & {
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
};

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: Schema;
}

interface Operation {
  tags: string[];
  summary: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

function anchor(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '');
}

function SchemaType({ schema }: { schema: Schema | undefined }) {
  const text = schemaText(schema);
  const ref = typeof schema?.$ref === 'string' ? refName(schema.$ref) : null;
  if (ref) return <a href={`#schema-${ref}`}>{ref}</a>;
  const items = schema?.items as Schema | undefined;
  if (schema?.type === 'array' && typeof items?.$ref === 'string') {
    const name = refName(items.$ref);
    return <a href={`#schema-${name}`}>{name}[]</a>;
  }
  return <span>{text}</span>;
}

/** Properties of an object schema as a table; anything else as one type line. */
function SchemaFields({ schema, caption }: { schema: Schema; caption: string }) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) {
    return (
      <p>
        <code>
          <SchemaType schema={schema} />
        </code>
        {schema.description ? ` — ${schema.description}` : null}
      </p>
    );
  }
  return (
    <Table caption={caption} compact>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Type</th>
          <th scope="col">Required</th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {properties.map(([name, property]) => (
          <tr key={name}>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td>
              <SchemaType schema={property} />
            </td>
            <td>{schema.required?.includes(name) ? 'yes' : 'no'}</td>
            <td>{property.description ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function OperationCard({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  const id = anchor(method, path);
  return (
    <section className="card" aria-labelledby={id}>
      <div className="card-header">
        <h3 id={id} className={styles.endpoint}>
          <span className={`${styles.method} ${styles[method] ?? ''}`}>{method.toUpperCase()}</span> <code>{path}</code>
        </h3>
      </div>
      <div className="card-body stack-sm">
        <p>{operation.summary}</p>
        {operation.description && <p className="muted">{operation.description}</p>}
        {operation.parameters && operation.parameters.length > 0 && (
          <>
            <h4 className={styles.subheading}>Parameters</h4>
            <Table caption={`Parameters of ${method.toUpperCase()} ${path}`} compact>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">In</th>
                  <th scope="col">Type</th>
                  <th scope="col">Required</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => (
                  <tr key={`${parameter.in}-${parameter.name}`}>
                    <th scope="row">
                      <code>{parameter.name}</code>
                    </th>
                    <td>{parameter.in}</td>
                    <td>
                      <SchemaType schema={parameter.schema} />
                    </td>
                    <td>{parameter.required ? 'yes' : 'no'}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
        {operation.requestBody &&
          Object.entries(operation.requestBody.content).map(([mediaType, { schema }]) => (
            <Fragment key={mediaType}>
              <h4 className={styles.subheading}>
                Body <code>{mediaType}</code>
              </h4>
              <SchemaFields schema={schema} caption={`Body of ${method.toUpperCase()} ${path}`} />
            </Fragment>
          ))}
        <h4 className={styles.subheading}>Responses</h4>
        <dl className={styles.responses}>
          {Object.entries(operation.responses).map(([status, response]) => (
            <Fragment key={status}>
              <dt>
                <code>{status}</code>
              </dt>
              <dd>
                {response.description}
                {Object.entries(response.content ?? {}).map(([mediaType, { schema }]) => (
                  <div key={mediaType} className={styles.media}>
                    <code>{mediaType}</code>: <SchemaType schema={schema} />
                    {schema.properties && (
                      <>
                        {' '}
                        {'{ '}
                        {Object.entries(schema.properties).map(([name, property], i) => (
                          <Fragment key={name}>
                            {i > 0 && ', '}
                            <code>{name}</code>: <SchemaType schema={property} />
                          </Fragment>
                        ))}
                        {' }'}
                      </>
                    )}
                  </div>
                ))}
              </dd>
            </Fragment>
          ))}
        </dl>
      </div>
    </section>
  );
}

export function ApiReference({ document }: { document: OpenApiDocument }) {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <div className="stack">
      <PageHeader
        title="API reference"
        meta={
          <>
            {document.info.title} {document.info.version} · machine-readable:{' '}
            <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1)
          </>
        }
      />
      {document.info.description && <p className="muted">{document.info.description}</p>}
      <nav aria-label="Endpoint groups">
        <ul className={styles.toc}>
          {document.tags.map(({ name }) => (
            <li key={name}>
              <a href={`#tag-${name}`}>{name}</a>
            </li>
          ))}
          <li>
            <a href="#schemas">Schemas</a>
          </li>
        </ul>
      </nav>
      {document.tags.map(({ name }) => (
        <section key={name} className="stack" aria-labelledby={`tag-${name}`}>
          <h2 id={`tag-${name}`}>{name}</h2>
          {operations
            .filter(({ operation }) => operation.tags.includes(name))
            .map(({ path, method, operation }) => (
              <OperationCard key={`${method} ${path}`} method={method} path={path} operation={operation} />
            ))}
        </section>
      ))}
      <section className="stack" aria-labelledby="schemas">
        <h2 id="schemas">Schemas</h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <section key={name} className="card" aria-labelledby={`schema-${name}`}>
            <div className="card-header">
              <h3 id={`schema-${name}`}>{name}</h3>
            </div>
            <div className="card-body">
              <SchemaFields schema={schema} caption={`Fields of ${name}`} />
            </div>
          </section>
        ))}
      </section>
    </div>
  );
}
